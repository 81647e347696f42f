package org.agendamonitor.progress;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a title and lede into word shingles for near-duplicate detection: accents folded, lower-cased
 * ({@link Locale#ROOT}), English and Spanish stop words dropped, a plural "s" trimmed, then single words and
 * adjacent pairs. Language-aware only as far as both stop-word lists apply to every text, which is what lets a
 * Spanish wire copy and its English-language repost of names and numbers still share shingles.
 */
public final class StoryText {
    /** Only the first words of the lede: the rest of a summary differs most between outlets. */
    static final int LEDE_WORDS = 40;

    private static final Set<String> STOP_WORDS = Set.of(
            // English
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have", "he",
            "her", "his", "in", "into", "is", "it", "its", "new", "not", "of", "on", "or", "over", "said", "says",
            "she", "that", "the", "their", "them", "they", "this", "to", "was", "were", "what", "when", "which", "who",
            "will", "with", "would", "after", "about", "more", "than", "up", "us", "we", "you",
            // Spanish
            "al", "como", "con", "de", "del", "el", "en", "entre", "es", "esta", "este", "fue", "ha", "han", "la",
            "las", "le", "lo", "los", "mas", "no", "para", "por", "que", "se", "sin", "sobre", "su", "sus", "tras",
            "un", "una", "uno", "y", "ya", "o", "ante", "dijo", "segun");

    private StoryText() {
    }

    /**
     * Distinct shingles of the title and the lede of the summary; empty when neither has a content word. This is the
     * definition that {@link MinHash#ofWordsAndPairs} signs without building it; the tests compare the two.
     */
    static Set<String> shingles(String title, String summary) {
        List<String> words = words(title, summary);
        Set<String> shingles = new LinkedHashSet<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            shingles.add(words.get(i) + " " + words.get(i + 1));
        }
        return shingles;
    }

    /** The content words the shingles are made of: the title's, then the lede's. */
    public static List<String> words(String title, String summary) {
        List<String> words = contentWords(title);
        words.addAll(contentWords(summary, LEDE_WORDS));
        return words;
    }

    /**
     * Words of letters and decimal digits, accents removed (canonical decomposition, marks dropped), lower-cased.
     * Written as loops rather than regular expressions: this runs for every match, and the regex version was most of
     * the story stage's signature time.
     */
    static List<String> contentWords(String text) {
        return contentWords(text, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} {@linkplain #contentWords(String) content words}, folding no more of the text than it
     * reads: a lede is the first 40 words of a summary of a kilobyte or more, and folding all of it (decomposing a
     * Spanish text, lower-casing) was most of the signature's time. The text is folded a whitespace-separated chunk
     * at a time, which gives the same words as folding it whole: no word spans ASCII whitespace, canonical
     * decomposition and reordering never cross a character of combining class 0 such as a space, and lower-casing
     * looks past neither (the context of a final sigma stops at a space).
     */
    static List<String> contentWords(String text, int limit) {
        List<String> words = new ArrayList<>();
        int n = text == null ? 0 : text.length();
        int i = 0;
        while (i < n && words.size() < limit) {
            while (i < n && isAsciiWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isAsciiWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                addWords(fold(text.substring(start, i)), words, limit);
            }
        }
        return words;
    }

    private static String fold(String chunk) {
        return withoutMarks(isAscii(chunk) ? chunk : Normalizer.normalize(chunk, Normalizer.Form.NFD))
                .toLowerCase(Locale.ROOT);
    }

    private static void addWords(String folded, List<String> words, int limit) {
        int n = folded.length();
        int i = 0;
        while (i < n && words.size() < limit) {
            while (i < n && !isWordChar(folded.codePointAt(i))) {
                i += Character.charCount(folded.codePointAt(i));
            }
            int start = i;
            while (i < n && isWordChar(folded.codePointAt(i))) {
                i += Character.charCount(folded.codePointAt(i));
            }
            if (i > start) {
                String token = folded.substring(start, i);
                if (token.length() < 2 || STOP_WORDS.contains(token)) {
                    continue;
                }
                words.add(token.length() > 3 && token.endsWith("s") ? token.substring(0, token.length() - 1) : token);
            }
        }
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u000B';
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The text without combining marks (Unicode categories Mn, Mc, Me: what \p{M} matches). */
    private static String withoutMarks(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
            if (mark && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!mark && out != null) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out == null ? text : out.toString();
    }

    /** \p{L} or \p{Nd}. */
    private static boolean isWordChar(int cp) {
        return Character.isLetter(cp) || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER;
    }
}
