package com.kt.eventmarketing.users;

/** The owner's own profile. The phone is shown in full to its owner; the business number stays masked. */
public record ProfileResponse(long id, String name, String email, String phone, StoreView store) {
    public record StoreView(long id, String name, String businessType, String address, String businessHours,
                            String businessNumber) {
    }
}
