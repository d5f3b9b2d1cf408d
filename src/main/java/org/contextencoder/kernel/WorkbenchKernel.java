package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workbench's Java kernel: cells run in an in-process JShell (so they share objects with the
 * kernel), following IJava/JJava conventions, so that notebooks run on either.
 */
public final class WorkbenchKernel extends BaseKernel {

    private static final String VERSION = "0.1.0";

    private final KernelSettings settings;
    private final WorkbenchIO cellIO;
    private final CellHistory history;
    private final CellEvaluator evaluator;
    private final CellRunner runner;
    private final CodeAssist assist;

    public WorkbenchKernel(KernelSettings settings) {
        this(settings, new WorkbenchIO(), new CellHistory());
    }

    // No MagicParser: magics are lines the kernel runs itself (Magics), not code transpiled into
    // the cell; the empty registry only serves cells calling BaseNotebookStatics.lineMagic.
    private WorkbenchKernel(KernelSettings settings, WorkbenchIO io, CellHistory history) {
        super("workbench-java", VERSION, languageInfo(), List.of(), history, io, new CommManager(),
                new Renderer(), null, new MagicsRegistry(), true, new StringStyler.Builder().build());
        this.settings = settings;
        this.cellIO = io;
        this.history = history;
        this.evaluator = new CellEvaluator(settings.timeoutMs(), settings.compilerOptions());
        this.runner = new CellRunner(evaluator, MavenResolver::standard);
        this.assist = new CodeAssist(evaluator::analysis);
        WorkbenchRenderers.registerAll(renderer);
    }

    static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    /** Installs the kernel for cells, then sets up classpath, imports and startup scripts. */
    @Override
    public void onStartup() {
        super.onStartup();
        new KernelStartup(settings, evaluator, runner).run();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        super.onShutdown(isRestarting);
        evaluator.close();
    }

    @Override
    public Object evalRaw(String source) {
        return runner.run(source, new SourceOrigin("eval", 1));
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return assist.inspect(code, at);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return assist.complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return assist.isComplete(code);
    }

    @Override
    public void interrupt() {
        evaluator.stop();
    }

    /**
     * Runs a cell. Replaces the library's handler so that errors carry the user's exception name
     * and a traceback in cell lines, partial output lines are flushed, and history is kept.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        cellIO.attach(env, request.isStdinEnabled());
        env.defer(() -> cellIO.detach(env));
        try {
            DisplayData result = render(runner.run(request.getCode(), SourceOrigin.cell(count)));
            cellIO.flush();
            if (result != null) {
                env.publish(new PublishExecuteResult(count, result));
            }
            history.add(count, request.getCode(), result == null ? "" : String.valueOf(result.getData(MIMEType.TEXT_PLAIN)));
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (Exception e) {
            cellIO.flush();
            history.add(count, request.getCode(), "");
            ErrorReport report = ErrorReport.of(e, evaluator::originOf);
            env.publish(new PublishError(report.ename(), report.evalue(), report.traceback()));
            ErrorReply reply = new ErrorReply(report.ename(), report.evalue(), report.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    private DisplayData render(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof DisplayData data ? data : renderer.render(value);
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new OkReplies.KernelInfo(Header.PROTOCOL_VERISON, name, version, languageInfo, getBanner(), helpLinks));
    }

    /** Always answers; the library drops the request when it has no history, and clients then hang. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Range range) {
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else if (request instanceof HistoryRequest.Search search) {
            if (search.filterUnique()) {
                flags.add(ResultFlag.UNIQUE);
            }
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        } else {
            entries = history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
        }
        env.reply(OkReplies.history(env.getContext(), entries));
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new OkReplies.Interrupt());
        interrupt();
    }
}
