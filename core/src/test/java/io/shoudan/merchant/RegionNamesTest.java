package io.shoudan.merchant;

import io.shoudan.reason.Lang;
import io.shoudan.reason.Reason;
import io.shoudan.reason.ReasonCode;
import io.shoudan.reason.ReasonTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** GB/T 2260 names at the level the code is written, and the nearest known parent for a code not on file. */
class RegionNamesTest {

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', value = {
            // province, city, district of one line
            "440000 | 广东省                        | Guangdong",
            "440300 | 深圳市                        | Shenzhen",
            "440305 | 深圳市南山区                  | Nanshan District, Shenzhen",
            "440100 | 广州市                        | Guangzhou",
            "440106 | 广州市天河区                  | Tianhe District, Guangzhou",
            // a municipality: its city-level code (市辖区 in the standard) is the municipality
            "310000 | 上海市                        | Shanghai",
            "310100 | 上海市                        | Shanghai",
            "310115 | 上海市浦东新区                | Pudong New Area, Shanghai",
            "110105 | 北京市朝阳区                  | Chaoyang District, Beijing",
            "500103 | 重庆市渝中区                  | Yuzhong District, Chongqing",
            // an autonomous region
            "650000 | 新疆维吾尔自治区              | Xinjiang",
            "650102 | 乌鲁木齐市天山区              | Tianshan District, Urumqi",
            "540102 | 拉萨市城关区                  | Chengguan District, Lhasa",
            // not on file: the nearest known parent, with the code
            "440399 | 深圳市，代码 440399 未收录 | Shenzhen; code 440399 not on file",
            "449900 | 广东省，代码 449900 未收录 | Guangdong; code 449900 not on file",
            "449901 | 广东省，代码 449901 未收录 | Guangdong; code 449901 not on file",
            "990000 | 代码 990000 未收录 | code 990000 not on file",
            "000000 | 代码 000000 未收录 | code 000000 not on file"})
    void aCodeIsNamedAtItsOwnLevel(String code, String zh, String en) {
        RegionNames.Name name = RegionNames.of(new RegionCode(code));

        assertThat(name.zh()).isEqualTo(zh);
        assertThat(name.en()).isEqualTo(en);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"110101", "120101", "310101", "310104", "310115", "310116", "320102", "330106", "440305", "540102",
            "650102", "650104"})
    void everyRegionTheTestFixturesUseHasItsOwnName(String code) {
        assertThat(RegionNames.knows(new RegionCode(code))).isTrue();
    }

    @Test
    void onlyTheCodeItselfCountsAsKnownNotItsParent() {
        assertThat(RegionNames.knows(new RegionCode("440305"))).isTrue();
        assertThat(RegionNames.knows(new RegionCode("440300"))).isTrue();
        assertThat(RegionNames.knows(new RegionCode("440000"))).isTrue();
        assertThat(RegionNames.knows(new RegionCode("440399"))).isFalse();
        assertThat(RegionNames.knows(new RegionCode("449900"))).isFalse();
    }

    @Test
    void aTerminalMovedToShenzhenIsToldItIsInNanshanNotJustGuangdong() {
        Reason moved = Reason.of(ReasonCode.TERMINAL_RELOCATED, "registered", "310115", "observed", "440305");

        assertThat(ReasonTexts.message(moved, Lang.ZH))
                .contains("终端登记在 310115（上海市浦东新区），但当前定位在 440305（深圳市南山区）");
        assertThat(ReasonTexts.message(moved, Lang.EN))
                .contains("registered in region 310115 (Pudong New Area, Shanghai) but is now located in 440305 (Nanshan District, Shenzhen)");
    }

    @Test
    void aRestrictedRegionUnderAKnownCityIsNamedByTheCityWithItsCode() {
        Reason restricted = Reason.of(ReasonCode.POLICY_REGION_RESTRICTED, "region", "650199", "method", "HUABEI", "rule", "65");

        assertThat(ReasonTexts.message(restricted, Lang.ZH)).contains("商户所在地区 650199（乌鲁木齐市，代码 650199 未收录）");
        assertThat(ReasonTexts.message(restricted, Lang.EN)).contains("The merchant's region 650199 (Urumqi; code 650199 not on file)");
    }
}
