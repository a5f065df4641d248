package io.shoudan.sandbox.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleConsumersTest {

    @Test
    void aSampleOfAFewHundredHasEveryProfile() {
        List<SampleConsumers.Sample> samples = SampleConsumers.register(new Consumers(new Object()), "c", 400, 7);

        Set<SampleConsumers.Profile> profiles = samples.stream().map(SampleConsumers.Sample::profile)
                .collect(Collectors.toSet());
        assertThat(profiles).isEqualTo(EnumSet.allOf(SampleConsumers.Profile.class));
    }

    @Test
    void theSameSeedGivesTheSameConsumers() {
        Consumers first = new Consumers(new Object());
        Consumers second = new Consumers(new Object());
        SampleConsumers.register(first, "c", 100, 11);
        SampleConsumers.register(second, "c", 100, 11);

        assertThat(second.all()).isEqualTo(first.all());
    }
}
