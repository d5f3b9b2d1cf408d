/**
 * ND4J set-up: the native CPU build, oneDNN layer helpers switched on (and proved to run) before any network is
 * built. May use no other workbench package.
 */
package org.contextencoder.backend;
