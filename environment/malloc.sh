# glibc malloc settings the workbench's JVMs run with; source it (". environment/malloc.sh") before `java -jar`.
# libnd4j's oneDNN convolution backprop allocates and frees 350 MB (32 px model) to 1.9 GB (128 px) of blocks of a
# megabyte or more every training step, outside ND4J's workspaces. Once glibc's mmap threshold has grown, its arenas
# keep those blocks' memory, fragmented: the 128 px model's training process then peaks at 2.6x PyTorch's. A fixed
# 4 MiB threshold hands the largest blocks back when they are freed (1.8x); transparent huge pages for them make the
# fresh pages each step cost about an eighth as much (THP must be "madvise" or "always" in
# /sys/kernel/mm/transparent_hugepage/enabled). A lower threshold saves a little more memory and costs twice the
# speed (128 KiB: 32 px training 16% slower, 4 MiB: up to 7%). glibc reads both once, at process start; values already
# set win. Measurements: bench/README.md, "Memory". pom.xml sets the same values for the tests.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_-4194304}"
export GLIBC_TUNABLES="${GLIBC_TUNABLES-glibc.malloc.hugetlb=1}"
