package org.contextencoder.experiment;

import org.contextencoder.train.EpochRecord;
import org.contextencoder.train.LossHistory;
import org.contextencoder.viz.LossCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FiguresTest {

    @Test
    void picturesAndChartsAreNamedAfterTheNotebook(@TempDir Path dir) throws Exception {
        Figures figures = new Figures(dir.resolve("figures"), "01-general-class");
        BufferedImage picture = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);

        assertSame(picture, figures.save("grid", picture), "returned, so the cell shows it");
        LossHistory h = new LossHistory();
        h.add(new EpochRecord(1, 0.1, 0.2, 3));
        figures.save("loss", LossCurve.of(h, "loss"));

        assertEquals(7, ImageIO.read(dir.resolve("figures/01-general-class-grid.png").toFile()).getWidth());
        assertEquals(720, ImageIO.read(dir.resolve("figures/01-general-class-loss.png").toFile()).getWidth());
    }

    @Test
    void aTableIsSavedAsCsvWithItsRunsManifestBesideIt(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("runs/general");
        new Manifest().put("seed", 42).put("git_commit", "abc").write(run.resolve("manifest.properties"));
        Table table = Table.create("t", StringColumn.create("method", "harmonic"), DoubleColumn.create("masked_mse", 0.03));

        new Figures(dir.resolve("figures"), "01-general-class").save("metrics", table, run);

        assertEquals(List.of("method,masked_mse", "harmonic,0.03"),
                Files.readAllLines(dir.resolve("figures/01-general-class-metrics.csv")));
        assertEquals(Map.of("seed", "42", "git_commit", "abc"),
                Manifest.read(dir.resolve("figures/01-general-class-metrics-manifest.properties")).entries());
    }

    @Test
    void aTableFromARunThatIsNotThereIsNotSavedWithoutItsManifest(@TempDir Path dir) {
        Table table = Table.create("t", StringColumn.create("method", "harmonic"));
        assertThrows(IllegalStateException.class,
                () -> new Figures(dir, "06-table1").save("x", table, dir.resolve("runs/general")));
        assertFalse(Files.exists(dir.resolve("06-table1-x.csv")));
    }
}
