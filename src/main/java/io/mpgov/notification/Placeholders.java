package io.mpgov.notification;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mpgov's one placeholder substitution: the mail templates' {@code {{name}}} and the {@code ${NAME}} of
 * the policy pack (a tool beside the product). Values go in as they are — a value's own placeholders are
 * never expanded, unlike Spring's PropertyPlaceholderHelper, since mail values carry what people typed.
 */
public final class Placeholders {

    /** {@code {{name}}}, name of word characters. */
    public static final Placeholders MUSTACHE = new Placeholders(Pattern.compile("\\{\\{(\\w+)}}"));
    /** {@code ${NAME}}, name of capitals and underscores. */
    public static final Placeholders DOLLAR = new Placeholders(Pattern.compile("\\$\\{([A-Z_]+)}"));

    private final Pattern placeholder;

    private Placeholders(Pattern placeholder) {
        this.placeholder = placeholder;
    }

    /** Each placeholder replaced by its name's value; {@code values} may throw to refuse a name. */
    public String fill(String text, Function<String, String> values) {
        return placeholder.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.apply(m.group(1))));
    }
}
