/**
 * The benchmark of both models, DL4J against the same networks in PyTorch ({@code bench/torch_bench.py}), and the
 * CIFAR-10 parse time; its command line is {@code cli.BenchCommand}. May use {@code backend}, {@code data},
 * {@code io}, {@code model}.
 */
package org.contextencoder.bench;
