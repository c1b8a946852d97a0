package com.kt.eventmarketing.localstack.postgres;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates the application's login role and database once; later runs find them and change nothing. */
final class ApplicationDatabase {
    private ApplicationDatabase() {
    }

    static void ensure(DataSource superuser, String user, String password, String database) {
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                // identifiers and literals are our own constants, never user input
                statement.execute("create role " + user + " login password '" + password + "'");
            }
            // CREATE DATABASE cannot run inside a transaction block, so it is a plain autocommit statement
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + database + " owner " + user + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create role " + user + " / database " + database, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
