package org.fujie.service.web;

import java.util.List;

import org.fujie.service.security.PrincipalRecord;
import org.fujie.service.security.PrincipalService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/principals")
class PrincipalController {

    private final PrincipalService principals;

    PrincipalController(PrincipalService principals) {
        this.principals = principals;
    }

    record PrincipalRequest(String subject, String fingerprint, List<String> roles) {
    }

    @GetMapping
    List<PrincipalRecord> list() {
        return principals.all();
    }

    @PutMapping
    PrincipalRecord put(@RequestBody PrincipalRequest request, Authentication caller) {
        return principals.put(request.subject(), request.fingerprint(), request.roles(), Caller.of(caller));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication caller) {
        principals.delete(id, Caller.of(caller));
        return ResponseEntity.noContent().build();
    }
}
