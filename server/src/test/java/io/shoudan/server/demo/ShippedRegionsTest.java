package io.shoudan.server.demo;

import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.RegionCode;
import io.shoudan.merchant.RegionNames;
import io.shoudan.server.scenario.DefaultPolicy;
import io.shoudan.terminal.Terminal;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every region code the product ships has its own GB/T 2260 name, not only its province's. */
class ShippedRegionsTest {

    private static final Pattern REGION_FIELD = Pattern.compile("\"(?:region|registeredRegion|observedRegion)\"\\s*:\\s*\"(\\d{6})\"");
    private static final Pattern DENIED_REGIONS = Pattern.compile("\"deniedRegions\"\\s*:\\s*\\[([^]]*)]");
    private static final Pattern PREFIX = Pattern.compile("\"(\\d{2}|\\d{4}|\\d{6})\"");

    @Test
    void everyRegionOfTheExamplesAndTheDefaultPolicyHasItsOwnName() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                codes.addAll(regionsIn(Files.readString(file)));
            }
        }
        codes.addAll(regionsIn(DefaultPolicy.document()));

        assertThat(codes).contains("310115", "440305", "650102", "650104");
        assertThat(codes).allSatisfy(code -> assertThat(RegionNames.knows(new RegionCode(code))).as(code).isTrue());
    }

    @Test
    void everyRegionOfTheDemoWorldHasItsOwnName() {
        SampleWorld world = SampleWorld.generate(7, OffsetDateTime.parse("2026-11-23T09:00:00+08:00"));
        Set<RegionCode> codes = new java.util.HashSet<>();
        for (Merchant merchant : world.merchants()) {
            codes.add(merchant.region());
        }
        for (Terminal terminal : world.terminals()) {
            codes.add(terminal.registeredRegion());
            if (terminal.observedRegion() != null) {
                codes.add(terminal.observedRegion());
            }
        }

        assertThat(codes).hasSizeGreaterThan(20);
        assertThat(codes).allSatisfy(code -> assertThat(RegionNames.knows(code)).as(code.value()).isTrue());
        assertThat(RegionNames.of(new RegionCode("440305")).zh()).isEqualTo("深圳市南山区");
    }

    /** Six-digit region fields, and denied-region prefixes as the code of the province or city they name. */
    private static Set<String> regionsIn(String json) {
        Set<String> codes = new TreeSet<>();
        Matcher field = REGION_FIELD.matcher(json);
        while (field.find()) {
            codes.add(field.group(1));
        }
        Matcher denied = DENIED_REGIONS.matcher(json);
        while (denied.find()) {
            Matcher prefix = PREFIX.matcher(denied.group(1));
            while (prefix.find()) {
                codes.add((prefix.group(1) + "0000").substring(0, 6));
            }
        }
        return codes;
    }
}
