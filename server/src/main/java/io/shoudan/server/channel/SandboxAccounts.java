package io.shoudan.server.channel;

import io.shoudan.channels.alipay.AlipayAccounts;
import io.shoudan.channels.alipay.AlipayMerchantAccount;
import io.shoudan.channels.unionpay.UnionPayAccounts;
import io.shoudan.channels.unionpay.UnionPayMerchantAccount;
import io.shoudan.channels.wechat.WechatAccounts;
import io.shoudan.channels.wechat.WechatMerchantAccount;
import io.shoudan.merchant.Merchant;
import io.shoudan.merchant.MerchantId;
import io.shoudan.merchant.Product;
import io.shoudan.merchant.ProductStatus;
import io.shoudan.sandbox.Sandbox;
import io.shoudan.sandbox.merchant.ChannelMerchant;
import io.shoudan.sandbox.merchant.MerchantKey;
import io.shoudan.sandbox.merchant.SignedProduct;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each merchant's accounts at the three sandbox channels (Alipay app id, WeChat mch id, UnionPay
 * merchant and terminal numbers), numbered by the merchant's position in the list given, and signed
 * at the sandbox for the products the acquirer's records say are active.
 */
public final class SandboxAccounts {

    /** One merchant's accounts. */
    public record Accounts(AlipayMerchantAccount alipay, WechatMerchantAccount wechat, UnionPayMerchantAccount unionPay) {
    }

    /** The WeChat app id every sandbox merchant is bound to. */
    public static final String WECHAT_APPID = "wx2421b1c4370ec43b";

    private final Map<MerchantId, Accounts> accounts;

    private SandboxAccounts(Map<MerchantId, Accounts> accounts) {
        this.accounts = accounts;
    }

    /** Registers {@code merchants}, in this order, at the sandbox's channels. */
    public static SandboxAccounts register(Sandbox sandbox, List<Merchant> merchants) {
        Map<MerchantId, Accounts> accounts = new HashMap<>();
        int n = 0;
        for (Merchant merchant : merchants) {
            n++;
            Accounts a = new Accounts(new AlipayMerchantAccount(String.format("20210000%08d", n)),
                    new WechatMerchantAccount(WECHAT_APPID, String.format("19%08d", n)),
                    new UnionPayMerchantAccount(String.format("8983100%08d", n), String.format("%08d", n)));
            accounts.put(merchant.id(), a);
            List<SignedProduct> alipay = new ArrayList<>();
            if (merchant.product(Product.ALIPAY) == ProductStatus.ACTIVE) {
                alipay.add(SignedProduct.ALIPAY_FACE_TO_FACE);
            }
            if (merchant.product(Product.HUABEI_INSTALLMENT) == ProductStatus.ACTIVE) {
                alipay.add(SignedProduct.ALIPAY_HUABEI_INSTALLMENT);
            }
            sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.alipay(a.alipay().appId()), alipay.toArray(SignedProduct[]::new)));
            sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.wechat(a.wechat().mchId()), SignedProduct.WECHAT_MICROPAY));
            sandbox.merchants().register(ChannelMerchant.signed(MerchantKey.unionpay(a.unionPay().merchantNo()),
                    SignedProduct.UNIONPAY_DEBIT, SignedProduct.UNIONPAY_CREDIT, SignedProduct.UNIONPAY_QR));
        }
        return new SandboxAccounts(accounts);
    }

    public AlipayAccounts alipay() {
        return merchant -> Optional.ofNullable(accounts.get(merchant)).map(Accounts::alipay);
    }

    public WechatAccounts wechat() {
        return merchant -> Optional.ofNullable(accounts.get(merchant)).map(Accounts::wechat);
    }

    public UnionPayAccounts unionPay() {
        return merchant -> Optional.ofNullable(accounts.get(merchant)).map(Accounts::unionPay);
    }

    /** Any one merchant's Alipay app id (the SDK client needs one to load its keys), or empty when there is none. */
    public Optional<String> anyAlipayAppId() {
        return accounts.values().stream().map(a -> a.alipay().appId()).sorted().findFirst();
    }
}
