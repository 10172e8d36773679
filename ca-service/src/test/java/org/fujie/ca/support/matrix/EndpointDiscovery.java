package org.fujie.ca.support.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint a running service answers, read from the application rather than from any list kept by hand: the
 * handler methods of every request-mapping handler mapping (the controllers, and the actuator endpoints that are
 * exposed, which have a mapping of their own), and every servlet registered with the servlet container beside Spring
 * MVC's dispatcher (OCSP, the TSA), with the HTTP methods its class implements.
 */
public final class EndpointDiscovery {

    private static final Map<String, String> SERVLET_METHODS = Map.of("doGet", "GET", "doPost", "POST", "doPut", "PUT",
            "doDelete", "DELETE");

    private EndpointDiscovery() {
    }

    /** The endpoints whose path starts with the prefix ({@code /console}), or, with {@code inside} false, the others. */
    public static Set<Endpoint> filtered(Set<Endpoint> endpoints, String prefix, boolean inside) {
        Set<Endpoint> selected = new TreeSet<>();
        endpoints.stream().filter(e -> e.pattern().startsWith(prefix) == inside).forEach(selected::add);
        return selected;
    }

    public static Set<Endpoint> of(ApplicationContext context) {
        Set<Endpoint> endpoints = new TreeSet<>(handlerMethods(context));
        endpoints.addAll(servlets(((WebApplicationContext) context).getServletContext()));
        return endpoints;
    }

    private static List<Endpoint> handlerMethods(ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint(Endpoint.ANY_METHOD, pattern));
                    }
                    methods.forEach(method -> endpoints.add(new Endpoint(method.name(), pattern)));
                }
            }
        }
        return endpoints;
    }

    private static List<Endpoint> servlets(ServletContext container) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ServletRegistration servlet : container.getServletRegistrations().values()) {
            Class<?> type = servletClass(servlet.getClassName());
            if (DispatcherServlet.class.isAssignableFrom(type)) {
                continue;
            }
            for (String mapping : servlet.getMappings()) {
                implementedMethods(type).forEach(method -> endpoints.add(new Endpoint(method, mapping)));
            }
        }
        return endpoints;
    }

    /** The methods the servlet answers: those whose doXxx its own classes override (HttpServlet's answer 405). */
    private static Set<String> implementedMethods(Class<?> type) {
        Set<String> methods = new TreeSet<>();
        for (Class<?> c = type; c != null && c != HttpServlet.class; c = c.getSuperclass()) {
            for (Map.Entry<String, String> method : SERVLET_METHODS.entrySet()) {
                try {
                    c.getDeclaredMethod(method.getKey(), HttpServletRequest.class, HttpServletResponse.class);
                    methods.add(method.getValue());
                } catch (NoSuchMethodException e) {
                    // not overridden at this level
                }
            }
        }
        if (methods.isEmpty()) {
            throw new IllegalStateException("the servlet " + type.getName() + " overrides no doXxx method: its endpoints cannot be read");
        }
        return methods;
    }

    private static Class<?> servletClass(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a servlet of unknown class " + name, e);
        }
    }
}
