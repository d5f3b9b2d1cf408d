package org.contextencoder.viz;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** A notebook output area that is shown once and then replaced in place, as Jupyter's display ids allow. */
interface DisplaySink {

    /** Shows {@code data} in a new output area; returns the area's id. */
    String show(DisplayData data);

    /** Replaces what the area {@code id} shows by {@code data}. */
    void update(String id, DisplayData data);
}
