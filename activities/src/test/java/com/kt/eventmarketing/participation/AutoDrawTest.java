package com.kt.eventmarketing.participation;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static com.kt.eventmarketing.participation.AutoDraw.Algorithm.RANDOM;
import static com.kt.eventmarketing.participation.AutoDraw.Algorithm.WEIGHTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class AutoDrawTest {

    @Test
    void thePayloadKeepsTheShapeOfHistoriesRecordedWhenTheAlgorithmWasAString() {
        var converter = DefaultDataConverter.newDefaultInstance();
        Payload written = converter.toPayload(new AutoDraw(3, WEIGHTED, 2)).orElseThrow();
        assertThat(written.getData().toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"winnerCount\":3,\"algorithm\":\"WEIGHTED\",\"visitBonus\":2}");
        Payload old = written.toBuilder().setData(ByteString.copyFromUtf8(
                "{\"winnerCount\":1,\"algorithm\":\"RANDOM\",\"visitBonus\":3}")).build();
        assertThat(converter.fromPayload(old, AutoDraw.class, AutoDraw.class)).isEqualTo(new AutoDraw(1, RANDOM, 3));
    }

    @Test
    void eachBrokenRuleIsNamedByFieldAndRule() {
        assertThat(AutoDraw.check(0, null, 4)).extracting(AutoDraw.Violation::field, AutoDraw.Violation::rule)
                .containsExactly(tuple("winnerCount", "min"),
                        tuple("algorithm", "oneOf"),
                        tuple("visitBonus", "range"));
        assertThat(AutoDraw.check(null, RANDOM, 0)).extracting(AutoDraw.Violation::field)
                .as("a missing or fractional count is a broken rule too").containsExactly("winnerCount", "visitBonus");
        assertThat(AutoDraw.check(1, WEIGHTED, 1)).isEmpty();
        assertThat(AutoDraw.check(1, RANDOM, AutoDraw.MAX_VISIT_BONUS)).isEmpty();
    }

    @Test
    void requireValidNamesTheFieldsUnderAutoDrawAsTheWorkflowValidatorReports() {
        assertThatThrownBy(() -> new AutoDraw(1, null, 0).requireValid()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("autoDraw.algorithm: must be RANDOM or WEIGHTED; "
                        + "autoDraw.visitBonus: must be a whole number from 1 to 3 (default 2)");
        assertThatCode(() -> new AutoDraw(2, RANDOM, 2).requireValid()).doesNotThrowAnyException();
    }

    @Test
    void algorithmNamesForgiveCaseAndSpacesButNothingElse() {
        assertThat(AutoDraw.Algorithm.named(" weighted ")).isEqualTo(WEIGHTED);
        assertThat(AutoDraw.Algorithm.named("Random")).isEqualTo(RANDOM);
        for (Object bad : List.of("LOTTERY", "", 1, "WEIGHTED_X")) {
            assertThat(AutoDraw.Algorithm.named(bad)).as(String.valueOf(bad)).isNull();
        }
        assertThat(AutoDraw.Algorithm.named(null)).isNull();
        assertThat(new AutoDraw(1, WEIGHTED, 2).weighted()).isTrue();
        assertThat(new AutoDraw(1, RANDOM, 2).weighted()).isFalse();
    }
}
