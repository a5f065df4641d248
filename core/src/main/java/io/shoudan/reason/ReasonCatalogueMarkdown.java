package io.shoudan.reason;

/**
 * The whole catalogue as the markdown table of docs/REASONS.md, so that the document is the code (a
 * test checks that the document contains exactly this): every code in catalogue order with its
 * category, actor, retry advice, blocking flag and title in both languages.
 */
public final class ReasonCatalogueMarkdown {

    private ReasonCatalogueMarkdown() {
    }

    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("| # | code | category | actor | retry | blocking | 中文 | English | origin |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        int order = 0;
        for (ReasonCode code : ReasonCode.values()) {
            out.append("| ").append(++order)
                    .append(" | `").append(code.code()).append('`')
                    .append(" | ").append(code.category())
                    .append(" | ").append(code.actor())
                    .append(" | ").append(code.retry())
                    .append(" | ").append(code.blocking() ? "yes" : "no (warning)")
                    .append(" | ").append(ReasonTexts.title(code, Lang.ZH))
                    .append(" | ").append(ReasonTexts.title(code, Lang.EN))
                    .append(" | ").append(code.projectAddition() ? "Shoudan addition" : "contract")
                    .append(" |\n");
        }
        return out.toString();
    }
}
