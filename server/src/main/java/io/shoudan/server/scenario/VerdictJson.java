package io.shoudan.server.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.shoudan.eligibility.Verdict;
import io.shoudan.method.PaymentMethod;
import io.shoudan.reason.Evidence;
import io.shoudan.reason.Lang;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonTexts;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The verdict as the JSON of SCENARIO.md, on one line. */
public final class VerdictJson {

    private final JsonFactory factory = new JsonFactory();

    /** @param scenario the file name to put first, or {@code null} for a single scenario */
    public String write(Verdict verdict, String scenario) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            if (scenario != null) {
                json.writeStringField("scenario", scenario);
            }
            json.writeBooleanField("supported", verdict.supported());
            json.writeStringField("method", verdict.method().name());
            json.writeStringField("channel", verdict.channel().name());
            json.writeArrayFieldStart("reasons");
            for (Reason reason : verdict.reasons()) {
                reason(json, reason);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("alternatives");
            for (PaymentMethod alternative : verdict.alternatives()) {
                json.writeString(alternative.name());
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A past payment's explanation: the payment's facts and its reasons in the verdict's reason form. */
    public String write(io.shoudan.server.explain.PaymentExplanation explanation) {
        io.shoudan.payment.Payment payment = explanation.payment();
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("payment", payment.id().value());
            json.writeStringField("request", payment.request().request().value());
            json.writeStringField("merchant", payment.merchant().value());
            json.writeStringField("terminal", payment.request().terminal().value());
            json.writeStringField("method", payment.request().method().name());
            json.writeStringField("channel", payment.request().method().channel().name());
            json.writeStringField("amount", payment.amount().toString());
            json.writeNumberField("installments", payment.request().installments().count());
            json.writeStringField("state", payment.state().name());
            json.writeStringField("createdAt", payment.createdAt().toString());
            if (explanation.recovery().isPresent()) {
                io.shoudan.server.explain.Recovery recovery = explanation.recovery().get();
                json.writeStringField("rawCode", recovery.startedBy().value());
                json.writeStringField("reversalCode", recovery.endedBy().value());
                json.writeStringField("mappedTo", payment.failure().reason().code());
            } else if (payment.failure() != null) {
                json.writeStringField("rawCode", payment.failure().raw().value());
                json.writeStringField("mappedTo", payment.failure().reason().code());
            }
            json.writeArrayFieldStart("reasons");
            for (Reason reason : explanation.reasons()) {
                reason(json, reason);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void reason(JsonGenerator json, Reason reason) throws IOException {
        json.writeStartObject();
        json.writeStringField("code", reason.code().code());
        json.writeStringField("category", reason.code().category().name());
        json.writeStringField("actor", reason.code().actor().name());
        json.writeBooleanField("blocking", reason.code().blocking());
        json.writeStringField("retry", reason.code().retry().name());
        json.writeObjectFieldStart("message");
        json.writeStringField("zh", ReasonTexts.message(reason, Lang.ZH));
        json.writeStringField("en", ReasonTexts.message(reason, Lang.EN));
        json.writeEndObject();
        json.writeObjectFieldStart("remedy");
        json.writeStringField("zh", ReasonTexts.remedy(reason, Lang.ZH));
        json.writeStringField("en", ReasonTexts.remedy(reason, Lang.EN));
        json.writeEndObject();
        json.writeObjectFieldStart("evidence");
        Evidence evidence = reason.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.value(i) instanceof List<?> list) {
                json.writeArrayFieldStart(evidence.key(i));
                for (Object item : list) {
                    json.writeString(String.valueOf(item));
                }
                json.writeEndArray();
            } else {
                json.writeStringField(evidence.key(i), (String) evidence.value(i));
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
