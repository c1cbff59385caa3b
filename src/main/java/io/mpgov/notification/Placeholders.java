package io.mpgov.notification;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mpgov's one placeholder substitution: the mail templates' {@code {{name}}}, and the {@code ${NAME}} of the
 * policy pack (a tool beside the product, which brings its own pattern). Values go in as they are — a value's own placeholders are
 * never expanded, unlike Spring's PropertyPlaceholderHelper, since mail values carry what people typed.
 */
public final class Placeholders {

    /** {@code {{name}}}, name of word characters. */
    public static final Placeholders MUSTACHE = new Placeholders(Pattern.compile("\\{\\{(\\w+)}}"));

    private final Pattern placeholder;

    /** @param placeholder a pattern whose first group is the placeholder's name */
    public Placeholders(Pattern placeholder) {
        this.placeholder = placeholder;
    }

    /** The names of the placeholders in the text, in order. */
    public List<String> names(String text) {
        return placeholder.matcher(text).results().map(m -> m.group(1)).toList();
    }

    /** Each placeholder replaced by its name's value; {@code values} may throw to refuse a name. */
    public String fill(String text, Function<String, String> values) {
        return placeholder.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.apply(m.group(1))));
    }
}
