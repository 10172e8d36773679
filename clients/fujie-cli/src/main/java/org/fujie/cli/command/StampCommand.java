package org.fujie.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.fujie.cli.CliContext;
import org.fujie.cli.CliException;
import org.fujie.cli.ErrorMapper;
import org.fujie.cli.ExitCode;
import org.fujie.cli.LocalFiles;
import org.fujie.client.sdk.seal.StampOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * seal stamp: one document, or every PDF and XML of a folder (progress on stderr, going on past a failed file). PDFs get
 * a visible seal and PAdES; XML (or other data with --packaging) a XAdES seal; --format ses a GB/T 38540 signature.
 */
@Command(name = "stamp", mixinStandardHelpOptions = true,
        description = {"Stamp a document with a seal (as a SEAL_KEEPER the seal names).",
                "A PDF needs a place: --page N --x X --y Y, --keyword K, or --cross-page; x, y, width are PDF points from the lower-left corner.",
                "With --in DIR --out DIR every .pdf and .xml file of DIR is stamped into DIR (same names)."},
        footer = {"%nExamples:", "  ./fujie seal stamp --seal $SEAL --in letter.pdf --out stamped.pdf --page 1 --x 400 --y 80 --level B-T",
                "  ./fujie seal stamp --seal $SEAL --in contract.pdf --out signed.pdf --keyword 盖章处",
                "  ./fujie seal stamp --seal $SEAL --in approval.xml --out approval-sealed.xml --commitment ProofOfApproval",
                "  ./fujie seal stamp --seal $SEAL --in inbox/ --out sealed/ --page 1 --x 400 --y 80", ExitCode.HELP})
public final class StampCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--seal", required = true, paramLabel = "ID")
    private String seal;
    @Option(names = "--in", required = true, paramLabel = "F|DIR", description = "The document, or a folder of them")
    private Path in;
    @Option(names = "--out", required = true, paramLabel = "F|DIR", description = "The stamped document, or a folder")
    private Path out;
    @Option(names = "--page", description = "Page from 1 (cross-page: the first page)")
    private Integer page;
    @Option(names = "--x")
    private Float x;
    @Option(names = "--y")
    private Float y;
    @Option(names = "--width", description = "The seal's width (default 119, 4.2 cm)")
    private Float width;
    @Option(names = "--keyword", paramLabel = "K", description = "Centre the seal on the first occurrence of K in the text")
    private String keyword;
    @Option(names = "--every", description = "With --keyword: on every occurrence")
    private boolean every;
    @Option(names = "--cross-page", description = "A cross-page seal (骑缝章) across the right edge of the pages")
    private boolean crossPage;
    @Option(names = "--last-page", description = "The last page of a cross-page seal (default the document's last)")
    private Integer lastPage;
    @Option(names = "--level", paramLabel = "L", description = "B-B (default), B-T, B-LT, B-LTA")
    private String level;
    @Option(names = "--certify", description = "The first seal certifies the document (DocMDP)")
    private boolean certify;
    @Option(names = "--reason", description = "Shown in the signature (default: the seal's name)")
    private String reason;
    @Option(names = "--packaging", description = "XML and other data: enveloped (XML default), enveloping or detached")
    private String packaging;
    @Option(names = "--commitment", paramLabel = "C", description = "XML: a XAdES commitment type, e.g. ProofOfApproval")
    private String commitment;
    @Option(names = "--countersign", description = "XML: countersign the document's last signature")
    private boolean countersign;
    @Option(names = "--format", paramLabel = "ses", description = "ses: a GB/T 38540 SES_Signature (SM2 seals) written to --out")
    private String format;

    StampCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (Files.isDirectory(in)) {
            return folder();
        }
        byte[] document = LocalFiles.read(in, "document");
        LocalFiles.write(out, stamp(in.getFileName().toString(), document));
        context.output().note("stamped: " + out);
        return ExitCode.OK;
    }

    private int folder() {
        List<Path> documents;
        try (Stream<Path> files = Files.list(in)) {
            documents = files.filter(Files::isRegularFile).filter(f -> kind(f.getFileName().toString()) != null).sorted().toList();
        } catch (IOException e) {
            throw new CliException(ExitCode.NO_INPUT, "cannot list the folder " + in + ": " + e.getMessage());
        }
        if (documents.isEmpty()) {
            throw new CliException(ExitCode.NO_INPUT, "no .pdf or .xml file in " + in + ": check --in");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CliException(ExitCode.USAGE, "--in is a folder, so --out must be one too, not the file " + out);
        }
        ErrorMapper errors = new ErrorMapper(context, false);
        List<String> failures = new ArrayList<>();
        int firstFailure = ExitCode.OK;
        for (int i = 0; i < documents.size(); i++) {
            Path file = documents.get(i);
            String name = file.getFileName().toString();
            String progress = "[" + (i + 1) + "/" + documents.size() + "] " + name + ": ";
            try {
                Path target = out.resolve(name);
                LocalFiles.write(target, stamp(name, LocalFiles.read(file, "document")));
                context.output().note(progress + "stamped -> " + target);
            } catch (RuntimeException e) {
                ErrorMapper.Mapped mapped = errors.explain(e);
                failures.add(name + ": " + mapped.message());
                context.output().note(progress + "FAILED: " + mapped.message());
                firstFailure = firstFailure == ExitCode.OK ? mapped.exitCode() : firstFailure;
            }
        }
        int stamped = documents.size() - failures.size();
        context.output().result(new FolderResult(stamped, failures), w -> {
            w.println("stamped " + stamped + " of " + documents.size() + " into " + out + (failures.isEmpty() ? "" : ", failed " + failures.size() + ":"));
            failures.forEach(f -> w.println("  " + f));
        });
        return firstFailure;
    }

    /** --output json of a folder run. */
    record FolderResult(int stamped, List<String> failures) {
    }

    private byte[] stamp(String name, byte[] document) {
        StampOptions options = StampOptions.defaults().withLevel(level).withReason(reason);
        String contentType;
        if ("ses".equalsIgnoreCase(format)) {
            options = options.withFormat("ses");
            contentType = "application/octet-stream";
        } else if (isPdf(document)) {
            options = pdfPlacement(options);
            contentType = "application/pdf";
        } else {
            options = options.withXml(packaging, commitment, countersign);
            contentType = "xml".equals(kind(name)) ? "application/xml" : "application/octet-stream";
        }
        return context.services().seal().stamp(seal, document, name, contentType, options);
    }

    private StampOptions pdfPlacement(StampOptions options) {
        StampOptions placed = options.withPlacement(page, x, y, width);
        if (keyword != null) {
            placed = placed.withKeyword(keyword, every);
        } else if (crossPage) {
            placed = placed.acrossPages(lastPage);
        } else if (page == null || x == null || y == null) {
            throw new CliException(ExitCode.USAGE, "a PDF needs a place for the seal: give --page N --x X --y Y, --keyword K or --cross-page");
        }
        return certify ? placed.certifying() : placed;
    }

    private static boolean isPdf(byte[] document) {
        String head = new String(document, 0, Math.min(document.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private static String kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".pdf") ? "pdf" : lower.endsWith(".xml") ? "xml" : null;
    }
}
