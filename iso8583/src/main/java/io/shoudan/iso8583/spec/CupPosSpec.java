package io.shoudan.iso8583.spec;

import java.nio.charset.Charset;

import static io.shoudan.iso8583.spec.Fields.ascii;
import static io.shoudan.iso8583.spec.Fields.bcd;
import static io.shoudan.iso8583.spec.Fields.bcdLeft;
import static io.shoudan.iso8583.spec.Fields.binary;
import static io.shoudan.iso8583.spec.Fields.varAscii;
import static io.shoudan.iso8583.spec.Fields.varBcd;
import static io.shoudan.iso8583.spec.Fields.varBinary;
import static io.shoudan.iso8583.spec.Fields.varTrack;
import static io.shoudan.iso8583.spec.LengthType.LLLVAR;
import static io.shoudan.iso8583.spec.LengthType.LLVAR;
import static io.shoudan.iso8583.spec.SubFieldSpec.fixed;
import static io.shoudan.iso8583.spec.SubFieldSpec.upTo;

/**
 * The China UnionPay POS terminal message layout (《中国银联POS终端消息域说明》, 2002, and the
 * 《中国银联直联POS终端规范》 family): 64 fields, BCD MTI, binary primary bitmap, numeric fields in BCD (fixed ones
 * right-justified except field 22, which the spec writes left-justified), LLVAR/LLLVAR prefixes in BCD counting
 * digits for numeric fields and bytes otherwise, text in ASCII. The TPDU and the 6-byte message header in front
 * of the MTI belong to the framing layer, not to this spec. Sources are listed in {@code docs/ISO8583.md}.
 */
public final class CupPosSpec {
    private CupPosSpec() {
    }

    public static MessageSpec create() {
        MessageSpec.Builder b = MessageSpec.builder("cup", Encoding.BCD);
        b.field(varBcd(2, "Primary account number 主账号", LLVAR, 19, Sensitivity.PAN));
        b.field(bcd(3, "Processing code 交易处理码", 6));
        b.field(bcd(4, "Amount, transaction 交易金额", 12));
        b.field(bcd(11, "System trace audit number 受卡方系统跟踪号", 6));
        b.field(bcd(12, "Time, local transaction 受卡方所在地时间", 6));
        b.field(bcd(13, "Date, local transaction 受卡方所在地日期", 4));
        b.field(bcd(14, "Date, expiration 卡有效期", 4));
        b.field(bcd(15, "Date, settlement 清算日期", 4));
        b.field(bcdLeft(22, "Point of service entry mode 服务点输入方式码", 3));
        b.field(bcd(23, "Card sequence number 卡片序列号", 3));
        b.field(bcd(25, "Point of service condition code 服务点条件码", 2));
        b.field(bcd(26, "Point of service PIN capture code 服务点PIN获取码", 2));
        b.field(varBcd(32, "Acquiring institution identification code 受理方标识码", LLVAR, 11, Sensitivity.PUBLIC));
        b.field(varTrack(35, "Track 2 data 2磁道数据", LLVAR, 37));
        b.field(varTrack(36, "Track 3 data 3磁道数据", LLLVAR, 104));
        b.field(ascii(37, "Retrieval reference number 检索参考号", 12));
        b.field(ascii(38, "Authorization identification response 授权标识应答码", 6));
        b.field(ascii(39, "Response code 应答码", 2));
        b.field(ascii(41, "Card acceptor terminal identification 受卡机终端标识码", 8));
        b.field(ascii(42, "Card acceptor identification code 受卡方标识码", 15));
        b.field(varAscii(44, "Additional response data 附加响应数据", LLVAR, 25));
        b.field(varBcd(48, "Additional data - private 附加数据-私有", LLLVAR, 322, Sensitivity.PUBLIC));
        b.field(ascii(49, "Currency code, transaction 交易货币代码", 3));
        b.field(binary(52, "PIN data 个人标识码数据", 8, Sensitivity.SECRET));
        b.field(bcd(53, "Security related control information 安全控制信息", 16));
        b.field(varAscii(54, "Additional amounts 附加金额", LLLVAR, 20));
        b.field(varBinary(55, "ICC system related data IC卡数据域", LLLVAR, 255, Sensitivity.ICC));
        b.field(varBcd(60, "Reserved private 自定义域", LLLVAR, 17, Sensitivity.PUBLIC));
        b.field(varBcd(61, "Original message 原始信息域", LLLVAR, 29, Sensitivity.PUBLIC));
        b.field(varBinary(62, "Reserved private (working keys) 自定义域", LLLVAR, 512, Sensitivity.SECRET));
        b.field(varAscii(63, "Reserved private 自定义域", LLLVAR, 163));
        b.field(binary(64, "Message authentication code 报文鉴别码", 8, Sensitivity.PUBLIC));
        b.subFields(60,
                fixed("60.1", "transaction type code 交易类型码", 2),
                fixed("60.2", "batch number 批次号", 6),
                fixed("60.3", "network management information code 网络管理信息码", 3),
                fixed("60.4", "terminal read capability 终端读取能力", 1),
                fixed("60.5", "IC card condition code 基于PBOC借/贷记标准的IC卡条件代码", 1),
                fixed("60.6", "partial approval / balance flag 支持部分扣款和返回余额的标志", 1),
                fixed("60.7", "account type 账户类型", 3));
        b.subFields(61,
                fixed("61.1", "original batch number 原批次号", 6),
                fixed("61.2", "original trace number 原POS流水号", 6),
                fixed("61.3", "original transaction date 原交易日期", 4),
                fixed("61.4", "original authorization method 原授权方式", 2),
                fixed("61.5", "original authorizing institution 原授权机构代码", 11));
        b.subFields(63,
                fixed("63.1", "operator code / card organisation 操作员代码/国际信用卡公司代码", 3),
                upTo("63.2", "private data 自定义数据", 160));
        // 63.2 carries Chinese (the issuer's name, messages for the cashier) in GBK, two bytes a character
        b.textCharset(63, Charset.forName("GBK"));
        return b.build();
    }
}
