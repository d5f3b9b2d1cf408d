package org.contextencoder.kernel;

import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

import java.util.List;
import java.util.Map;

/**
 * Replies the library sends without the {@code "status": "ok"} the messaging protocol requires
 * (clients and the conformance suite reject them). The subclasses only add that field.
 */
final class OkReplies {

    private OkReplies() {
    }

    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String implementationVersion,
                   LanguageInfo languageInfo, String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, implementationVersion, languageInfo, banner, helpLinks);
        }
    }

    /**
     * A history_reply built by hand: besides lacking the status, the library's reply sends each
     * entry as an object where the protocol wants a {@code (session, line, input)} tuple.
     */
    @SuppressWarnings({"unchecked", "rawtypes"}) // the content is a plain map, not the library's reply type
    static Message<?> history(MessageContext context, List<HistoryEntry> entries) {
        List<List<Object>> tuples = entries.stream()
                .map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                        e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput()))
                .toList();
        return new Message(context, MessageType.HISTORY_REPLY, Map.of("status", "ok", "history", tuples));
    }

    static final class Interrupt extends InterruptReply {
        @SuppressWarnings("unused") // serialised by Gson
        private final String status = "ok";
    }
}
