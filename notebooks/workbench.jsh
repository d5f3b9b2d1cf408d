// The workbench's packages, for every notebook here: a first cell starts with `%load workbench.jsh` (as d2l-java
// loads its utilities), then goes straight to its first idea. java.util, java.nio.file and the other JShell
// defaults are imported by the kernel already.
import org.contextencoder.data.*;
import org.contextencoder.eval.*;
import org.contextencoder.experiment.*;
import org.contextencoder.mask.*;
import org.contextencoder.model.*;
import org.contextencoder.train.*;
import org.contextencoder.viz.*;
import tech.tablesaw.api.Table;
