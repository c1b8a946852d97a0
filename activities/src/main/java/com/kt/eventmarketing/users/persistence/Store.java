package com.kt.eventmarketing.users.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The owner's shop; one per owner. The business registration number is kept encrypted. */
@Entity
@Table(name = "stores")
public class Store {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "owner_id")
    private Long ownerId;
    private String name;
    @Column(name = "business_type")
    private String businessType;
    private String address;
    @Column(name = "business_hours")
    private String businessHours;
    @Column(name = "business_number_encrypted")
    private String businessNumberEncrypted;
    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();

    protected Store() {
    }

    public Store(Long ownerId, String name, String businessType, String address, String businessHours,
                 String businessNumberEncrypted) {
        this.ownerId = ownerId;
        this.name = name;
        this.businessType = businessType;
        this.address = address;
        this.businessHours = businessHours;
        this.businessNumberEncrypted = businessNumberEncrypted;
    }

    public Long getId() { return id; }
    public Long getOwnerId() { return ownerId; }
    public String getName() { return name; }
    public String getBusinessType() { return businessType; }
    public String getAddress() { return address; }
    public String getBusinessHours() { return businessHours; }
    public String getBusinessNumberEncrypted() { return businessNumberEncrypted; }

    public void update(String name, String businessType, String address, String businessHours) {
        this.name = name;
        this.businessType = businessType;
        this.address = address;
        this.businessHours = businessHours;
        this.updatedAt = Instant.now();
    }

    /** The first word of the address (서울특별시, 경기도 …): the region used for trend analysis. */
    public String region() {
        String trimmed = address == null ? "" : address.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
