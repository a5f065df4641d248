package io.shoudan.merchant;

import java.util.HashMap;
import java.util.Map;

/**
 * The GB/T 2260 names of region codes, at the level the code is written: {@code 440000} 广东省,
 * {@code 440300} 深圳市, {@code 440305} 深圳市南山区. Every province is here, and every city and district
 * the product ships (examples, the demo's world, the policies and the test fixtures); a code that is not
 * here is named by its nearest known parent, with the code, never by a guess.
 *
 * <p>The municipalities (北京, 天津, 上海, 重庆) have no city of their own: their city-level code
 * ({@code 110100}, 市辖区 in the standard) is named as the municipality.
 */
public final class RegionNames {

    /** A name in both languages. */
    public record Name(String zh, String en) {
        public Name {
            if (zh == null || zh.isBlank() || en == null || en.isBlank()) {
                throw new IllegalArgumentException("a region name needs Chinese and English");
            }
        }
    }

    private static final Map<String, Name> PROVINCES;
    private static final Map<String, Name> CITIES;
    /** District names alone (南山区 / Nanshan District), joined to their city's when shown. */
    private static final Map<String, Name> DISTRICTS;

    static {
        String[][] provinces = {
                {"11", "北京市", "Beijing"}, {"12", "天津市", "Tianjin"}, {"13", "河北省", "Hebei"},
                {"14", "山西省", "Shanxi"}, {"15", "内蒙古自治区", "Inner Mongolia"}, {"21", "辽宁省", "Liaoning"},
                {"22", "吉林省", "Jilin"}, {"23", "黑龙江省", "Heilongjiang"}, {"31", "上海市", "Shanghai"},
                {"32", "江苏省", "Jiangsu"}, {"33", "浙江省", "Zhejiang"}, {"34", "安徽省", "Anhui"},
                {"35", "福建省", "Fujian"}, {"36", "江西省", "Jiangxi"}, {"37", "山东省", "Shandong"},
                {"41", "河南省", "Henan"}, {"42", "湖北省", "Hubei"}, {"43", "湖南省", "Hunan"},
                {"44", "广东省", "Guangdong"}, {"45", "广西壮族自治区", "Guangxi"}, {"46", "海南省", "Hainan"},
                {"50", "重庆市", "Chongqing"}, {"51", "四川省", "Sichuan"}, {"52", "贵州省", "Guizhou"},
                {"53", "云南省", "Yunnan"}, {"54", "西藏自治区", "Tibet"}, {"61", "陕西省", "Shaanxi"},
                {"62", "甘肃省", "Gansu"}, {"63", "青海省", "Qinghai"}, {"64", "宁夏回族自治区", "Ningxia"},
                {"65", "新疆维吾尔自治区", "Xinjiang"}, {"71", "台湾省", "Taiwan"}, {"81", "香港特别行政区", "Hong Kong"},
                {"82", "澳门特别行政区", "Macao"}};
        PROVINCES = table(provinces);
        String[][] cities = {
                {"1101", "北京市", "Beijing"}, {"1201", "天津市", "Tianjin"}, {"2101", "沈阳市", "Shenyang"},
                {"3101", "上海市", "Shanghai"}, {"3201", "南京市", "Nanjing"}, {"3301", "杭州市", "Hangzhou"},
                {"3502", "厦门市", "Xiamen"}, {"3701", "济南市", "Jinan"}, {"4201", "武汉市", "Wuhan"},
                {"4301", "长沙市", "Changsha"}, {"4401", "广州市", "Guangzhou"}, {"4403", "深圳市", "Shenzhen"},
                {"5001", "重庆市", "Chongqing"}, {"5101", "成都市", "Chengdu"}, {"5301", "昆明市", "Kunming"},
                {"5401", "拉萨市", "Lhasa"}, {"6101", "西安市", "Xi'an"}, {"6501", "乌鲁木齐市", "Urumqi"}};
        CITIES = table(cities);
        String[][] districts = {
                {"110101", "东城区", "Dongcheng District"}, {"110105", "朝阳区", "Chaoyang District"},
                {"110108", "海淀区", "Haidian District"}, {"120101", "和平区", "Heping District"},
                {"210102", "和平区", "Heping District"}, {"210103", "沈河区", "Shenhe District"}, {"310101", "黄浦区", "Huangpu District"},
                {"310104", "徐汇区", "Xuhui District"}, {"310106", "静安区", "Jing'an District"},
                {"310115", "浦东新区", "Pudong New Area"}, {"310116", "金山区", "Jinshan District"},
                {"320102", "玄武区", "Xuanwu District"}, {"320106", "鼓楼区", "Gulou District"}, {"330102", "上城区", "Shangcheng District"},
                {"330106", "西湖区", "Xihu District"}, {"350203", "思明区", "Siming District"},
                {"370102", "历下区", "Lixia District"}, {"420103", "江汉区", "Jianghan District"}, {"420106", "武昌区", "Wuchang District"},
                {"430102", "芙蓉区", "Furong District"}, {"440106", "天河区", "Tianhe District"},
                {"440305", "南山区", "Nanshan District"}, {"500103", "渝中区", "Yuzhong District"},
                {"510104", "锦江区", "Jinjiang District"}, {"510107", "武侯区", "Wuhou District"}, {"530102", "五华区", "Wuhua District"},
                {"540102", "城关区", "Chengguan District"}, {"610113", "雁塔区", "Yanta District"},
                {"650102", "天山区", "Tianshan District"}, {"650104", "新市区", "Xinshi District"}};
        DISTRICTS = table(districts);
        for (String district : DISTRICTS.keySet()) {
            if (!CITIES.containsKey(district.substring(0, 4))) {
                throw new IllegalStateException("district " + district + " needs its city in the table");
            }
        }
    }

    private static Map<String, Name> table(String[][] rows) {
        Map<String, Name> names = new HashMap<>();
        for (String[] row : rows) {
            if (names.put(row[0], new Name(row[1], row[2])) != null) {
                throw new IllegalStateException("region " + row[0] + " named twice");
            }
        }
        return Map.copyOf(names);
    }

    private RegionNames() {
    }

    /**
     * The name at the code's own level, or, for a code not in the table, the nearest known parent's name
     * followed by the code (深圳市，代码 440399 未收录 / Shenzhen; code 440399 not on file).
     */
    public static Name of(RegionCode region) {
        String code = region.value();
        String province = code.substring(0, 2);
        String city = code.substring(0, 4);
        boolean provinceLevel = code.endsWith("0000");
        boolean cityLevel = !provinceLevel && code.endsWith("00");
        if (provinceLevel && PROVINCES.containsKey(province)) {
            return PROVINCES.get(province);
        }
        if (cityLevel && CITIES.containsKey(city)) {
            return CITIES.get(city);
        }
        if (!provinceLevel && !cityLevel && DISTRICTS.containsKey(code)) {
            Name cityName = CITIES.get(city);
            Name district = DISTRICTS.get(code);
            return new Name(cityName.zh() + district.zh(), district.en() + ", " + cityName.en());
        }
        Name parent = !provinceLevel && !cityLevel && CITIES.containsKey(city) ? CITIES.get(city) : PROVINCES.get(province);
        if (parent == null) {
            return new Name("代码 " + code + " 未收录", "code " + code + " not on file");
        }
        return new Name(parent.zh() + "，代码 " + code + " 未收录", parent.en() + "; code " + code + " not on file");
    }

    /** Whether the code itself (not a parent) has a name here. */
    public static boolean knows(RegionCode region) {
        String code = region.value();
        if (code.endsWith("0000")) {
            return PROVINCES.containsKey(code.substring(0, 2));
        }
        return code.endsWith("00") ? CITIES.containsKey(code.substring(0, 4)) : DISTRICTS.containsKey(code);
    }
}
