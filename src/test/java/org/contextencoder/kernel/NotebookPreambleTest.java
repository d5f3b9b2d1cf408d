package org.contextencoder.kernel;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** notebooks/workbench.jsh, which every notebook's first cell loads, gives cells the workbench's simple names. */
class NotebookPreambleTest {

    @Test
    void aCellStartingWithThePreambleUsesEveryWorkbenchPackageBySimpleName() {
        try (CellEvaluator evaluator = new CellEvaluator(-1, List.of())) {
            CellRunner runner = new CellRunner(evaluator, () -> new MavenResolver(Path.of("target", "test-maven-local")));
            runner.run(KernelStartup.defaultImports(), new SourceOrigin("startup", 1));

            Object names = runner.run("%load " + Path.of("notebooks", "workbench.jsh").toAbsolutePath() + "\n"
                    + "List.of(ImageSet.class, Baseline.class, Figures.class, CenterMask.class, Architecture.class,"
                    + " ConsoleProgress.class, InpaintingGrid.class, Table.class).stream()"
                    + ".map(Class::getName).toList()", SourceOrigin.cell(1));

            assertEquals(List.of("org.contextencoder.data.ImageSet", "org.contextencoder.eval.Baseline",
                    "org.contextencoder.experiment.Figures", "org.contextencoder.mask.CenterMask",
                    "org.contextencoder.model.Architecture", "org.contextencoder.train.ConsoleProgress",
                    "org.contextencoder.viz.InpaintingGrid", "tech.tablesaw.api.Table"), names);
        }
    }
}
