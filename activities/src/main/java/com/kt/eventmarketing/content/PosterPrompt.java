package com.kt.eventmarketing.content;

/** The image-API prompt for one poster; text details are left to the owner's later edit. */
final class PosterPrompt {

    private PosterPrompt() {
    }

    static String of(ImageRequest request, ImageStyle style) {
        String mood = switch (style) {
            case SIMPLE -> "깔끔하고 여백이 많은 미니멀";
            case FANCY -> "고급스럽고 화려한";
            case TRENDY -> "밝고 트렌디한 SNS 감성";
        };
        return "%s 분위기의 %s 이벤트 홍보 이미지. 가게: %s. 이벤트: %s. 경품: %s. 사람 얼굴과 작은 글씨는 넣지 마세요."
                .formatted(mood, request.businessType(), request.storeName(), request.title(), request.prize());
    }
}
