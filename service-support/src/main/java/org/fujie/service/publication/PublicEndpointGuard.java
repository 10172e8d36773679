package org.fujie.service.publication;

import org.fujie.service.problem.CommonProblem;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.problem.ProblemResponses;
import org.springframework.web.filter.OncePerRequestFilter;

/** On the plain-HTTP connector only the public endpoints exist; the API is never served in clear. */
final class PublicEndpointGuard extends OncePerRequestFilter {

    private final List<String> publicPrefixes;

    PublicEndpointGuard(List<String> publicPrefixes) {
        this.publicPrefixes = List.copyOf(publicPrefixes);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!request.isSecure() && publicPrefixes.stream().noneMatch(request.getRequestURI()::startsWith)) {
            ProblemResponses.write(response, CommonProblem.NOT_FOUND, "only " + String.join(", ", publicPrefixes)
                    + " is served over plain HTTP; the API is on the HTTPS port");
            return;
        }
        chain.doFilter(request, response);
    }
}
