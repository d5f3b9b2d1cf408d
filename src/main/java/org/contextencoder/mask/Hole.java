package org.contextencoder.mask;

/** A square hole: its top-left corner and side, in pixels of the image it is cut from. */
public record Hole(int x, int y, int size) {
}
