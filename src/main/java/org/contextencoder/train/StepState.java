package org.contextencoder.train;

import java.nio.file.Path;

/**
 * A part of a training step's state kept in the run's checkpoint, such as a second network with its optimizer
 * state. The checkpoint names a new file for every epoch, so a write never touches the committed one.
 */
public interface StepState {

    /** Writes the whole state to {@code file}, which does not exist yet. */
    void save(Path file);

    /** Reads back what {@link #save} wrote. */
    void restore(Path file);
}
