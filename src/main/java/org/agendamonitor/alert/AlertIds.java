package org.agendamonitor.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.agendamonitor.model.Recommendation;

/**
 * Alert ids: {@code alert-} + 16 hex chars of SHA-256 over recommendation and story id. Deliberately not over the
 * rule that fired: a story alerts once, whichever rule gets there first, so ids are stable across restarts, replays
 * and new outlets joining the story.
 */
public final class AlertIds {
    private AlertIds() {
    }

    public static String of(Recommendation recommendation, String storyId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((recommendation.id() + "|" + storyId).getBytes(StandardCharsets.UTF_8));
            return "alert-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
