package org.fujie.seal.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.seal.seal.KeeperScope;
import org.fujie.seal.seal.Seal;
import org.fujie.seal.seal.SealService;
import org.fujie.seal.seal.SealStatus;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.console.Pagination;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seals the user may read (a keeper its own, as in the API: KeeperScope), filtered by status, paged, each with its
 * image as a thumbnail.
 */
@ConsoleController
class SealListController {

    static final List<String> STATUSES = Arrays.stream(SealStatus.values()).map(Enum::name).toList();

    private final SealService seals;

    SealListController(SealService seals) {
        this.seals = seals;
    }

    @GetMapping("/console/")
    String home() {
        return "redirect:/console/seals";
    }

    @GetMapping("/console/seals")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Authentication caller, HttpServletRequest request, Model model) {
        String wanted = STATUSES.contains(status) ? status : null;
        List<Seal> readable = new ArrayList<>(KeeperScope.readable(seals.list(wanted == null ? null : SealStatus.valueOf(wanted),
                false), caller));
        Collections.reverse(readable); // newest first
        int pageNumber = Pagination.page(page);
        int pageSize = Pagination.size(size);
        int from = (int) Math.min((long) pageNumber * pageSize, readable.size());
        model.addAttribute("items", readable.subList(from, Math.min(from + pageSize, readable.size())));
        model.addAttribute("pagination", Pagination.of(request, pageNumber, pageSize, readable.size()));
        model.addAttribute("status", wanted);
        model.addAttribute("statuses", STATUSES);
        return "console/seal/seals";
    }
}
