// Run before the first cell: JShell's default imports, as IJava and JJava have them,
// and the notebook functions display(...), render(...), updateDisplay(...).
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.prefs.*;
import java.util.regex.*;
import java.util.stream.*;
import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;
