package io.shoudan.sandbox.wechat;

/**
 * The reverse answer.
 *
 * @param recall {@code "Y"}: call reverse again; {@code "N"}: no need
 */
public record ReverseResponse(
        String returnCode,
        String returnMsg,
        String appid,
        String mchId,
        String resultCode,
        ErrCode errCode,
        String errCodeDes,
        String recall) {

    static ReverseResponse returnFail(ReverseRequest request, String returnMsg) {
        return new ReverseResponse("FAIL", returnMsg, request.appid(), request.mchId(), null, null, null, null);
    }

    static ReverseResponse failed(ReverseRequest request, ErrCode errCode, String recall) {
        return new ReverseResponse("SUCCESS", "OK", request.appid(), request.mchId(), "FAIL", errCode,
                errCode.desZh(), recall);
    }

    static ReverseResponse done(ReverseRequest request) {
        return new ReverseResponse("SUCCESS", "OK", request.appid(), request.mchId(), "SUCCESS", null, null, "N");
    }
}
