package com.kt.eventmarketing.content;

public enum ImageStyle {
    SIMPLE, FANCY, TRENDY
}
