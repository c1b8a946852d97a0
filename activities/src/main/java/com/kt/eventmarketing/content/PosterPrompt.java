package com.kt.eventmarketing.content;

/**
 * The image-API prompt for a poster's background art. The words are ours to draw (the compositor fits, colours and
 * checks them), so the picture must have none and leave calm space for them.
 */
final class PosterPrompt {

    private PosterPrompt() {
    }

    static String of(ImageRequest request, ImageStyle style) {
        String mood = switch (style) {
            case SIMPLE -> "깔끔하고 여백이 많은 미니멀";
            case FANCY -> "고급스럽고 화려한";
            case TRENDY -> "밝고 트렌디한 SNS 감성";
        };
        return ("%s 분위기의 %s 이벤트 포스터 배경 그림. 가게: %s. 이벤트 주제: %s. 경품: %s. "
                + "글자, 숫자, 로고, 사람 얼굴은 넣지 말고 위쪽과 왼쪽에 글을 얹을 차분한 여백을 두세요.")
                .formatted(mood, request.businessType(), request.storeName(), request.title(), request.prize());
    }
}
