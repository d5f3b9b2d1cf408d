package org.contextencoder.kernel;

import java.util.function.Supplier;

/**
 * Runs a cell (or a loaded file): Java code goes to the {@link CellEvaluator}, magics to
 * {@link Magics}, in the order they appear. The cell's value is the value of its last part.
 */
final class CellRunner {

    private final CellEvaluator evaluator;
    private final Magics magics;

    /** {@code maven}: where {@code %maven} resolves from, made on first use. */
    CellRunner(CellEvaluator evaluator, Supplier<MavenResolver> maven) {
        this.evaluator = evaluator;
        this.magics = new Magics(this, evaluator, maven);
    }

    Object run(String source, SourceOrigin origin) {
        var cellMagic = CellSource.cellMagic(source);
        if (cellMagic.isPresent()) {
            return magics.runCellMagic(cellMagic.get(), origin.shifted(1));
        }
        Object value = null;
        for (CellSource.Part part : CellSource.parse(source)) {
            if (part instanceof CellSource.Code code) {
                value = evaluator.eval(code.text(), origin.shifted(code.firstLine() - 1));
            } else if (part instanceof CellSource.Magic magic) {
                value = magics.runLineMagic(magic, origin.shifted(magic.line() - 1));
            }
        }
        return value;
    }
}
