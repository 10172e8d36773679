package org.fujie.client.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FujieAccessDeniedHandlerTests {

    @Test
    void handleWhenRolesDoNotAllowThen403ProblemNamingTheRequest() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new FujieAccessDeniedHandler().handle(new MockHttpServletRequest("POST", "/admin/users"), response,
                new AccessDeniedException("denied"));

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
        assertThat(problem.get("type").asString()).isEqualTo("urn:fujie:problem:forbidden");
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asString()).isEqualTo("the caller's roles do not allow POST /admin/users");
    }
}
