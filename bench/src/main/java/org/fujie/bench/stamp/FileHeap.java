package org.fujie.bench.stamp;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.fujie.bench.verify.BenchPki;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.pades.PadesParameters;
import org.fujie.pki.pades.PadesSigner;
import org.fujie.pki.pades.SealAppearance;

/**
 * The heap of stamping a large PDF file to file (PadesSigner.sign(Path, Path), seal-service's path above 8 MB): run it
 * with a small -Xmx. The first run writes the PDF (34 pages of incompressible 1000 x 1000 images, about 100 MB).
 *
 * <pre>java -Xmx64m -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" org.fujie.bench.stamp.FileHeap in.pdf out.pdf</pre>
 */
public final class FileHeap {

    private FileHeap() {
    }

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        if (!Files.exists(in)) {
            write(in, 34);
        }
        try (BenchPki pki = new BenchPki("Fujie File Heap")) {
            BenchPki.Issued seal = pki.documentSigner("CN=File Heap Seal,O=Fujie", KeyAlgorithm.EC_P256);
            long start = System.nanoTime();
            PadesSigner.baselineB().sign(in, out, seal.key(), List.of(seal.holder(), pki.issuing.holder(), pki.root.holder()),
                    PadesParameters.baselineB(SealAppearance.at(1, 400, 100, 120, 120, SealImage.png(400)), "file heap",
                            Calendar.getInstance()));
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("stamped %,d bytes into %,d in %,d ms; heap pools' peaks sum %,d MiB of -Xmx %,d MiB%n", Files.size(in),
                    Files.size(out), (System.nanoTime() - start) / 1_000_000, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static void write(Path file, int pages) throws Exception {
        Random random = new Random(1);
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                BufferedImage noise = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 1000; y++) {
                    for (int x = 0; x < 1000; x++) {
                        noise.setRGB(x, y, random.nextInt());
                    }
                }
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(LosslessFactory.createFromImage(document, noise), 50, 250, 500, 500);
                }
            }
            document.save(file.toFile());
        }
    }
}
