/**
 * The images: CIFAR-10 (official binary layout, download and checksum), folders of photos (centre crop, resize),
 * kept as {@link org.contextencoder.data.ImageSet}s of bytes, and the one conversion between pictures and channel
 * planes ({@link org.contextencoder.data.Planes}). May use no other workbench package.
 */
package org.contextencoder.data;
