// Korean names for the API's enums.
export const OBJECTIVES = {
  NEW_CUSTOMERS: '신규 고객 유치',
  REVISIT: '재방문 유도',
  SALES: '매출 증대',
  AWARENESS: '인지도 향상',
};

export const STATUSES = {
  DRAFT: '준비 중', APPROVED: '승인됨', ACTIVE: '진행 중', ENDED: '종료', CANCELLED: '취소됨', EXPIRED: '만료됨',
};

export const STEPS = {
  ANALYZING_TRENDS: 'AI 트렌드 분석 중',
  SELECT_RECOMMENDATION: '추천안 선택',
  GENERATING_IMAGES: '포스터 만드는 중',
  EDIT_CONTENT: '포스터 편집',
  SELECT_CHANNELS: '채널 선택',
  READY_TO_PUBLISH: '승인 대기',
  DISTRIBUTING: '배포 중',
  SCHEDULED: '시작 대기',
  ACTIVE: '진행 중',
  ENDED: '종료',
  CANCELLED: '취소됨',
  EXPIRED: '만료됨',
  FAILED: '실패',
};

export const CHANNELS = {
  URIDONGNETV: '우리동네TV',
  RINGOBIZ: '링고비즈',
  GINITV: '지니TV',
  INSTAGRAM: '인스타그램',
  NAVER_BLOG: '네이버 블로그',
  KAKAO_CHANNEL: '카카오 채널',
};

export const ENTRY_PATHS = { ...CHANNELS, STORE_VISIT: '매장 방문(QR)' };

export const DISTRIBUTION = {
  PENDING: '대기', PUBLISHING: '게시 중', PUBLISHED: '게시됨', FAILED: '실패', RETRACTED: '회수됨',
};

export const PLATFORMS = { INSTAGRAM: '인스타그램', NAVER: '네이버', KAKAO: '카카오', URIDONGNETV: '우리동네TV', GINITV: '지니TV' };

export const STYLES = { SIMPLE: '심플', FANCY: '화려한', TRENDY: '트렌디' };

export const BUSINESS_TYPES = ['음식점', '카페', '소매점', '미용', '학원', '숙박', '헬스', '기타'];

export const label = (table, key) => table[key] ?? key ?? '—';
