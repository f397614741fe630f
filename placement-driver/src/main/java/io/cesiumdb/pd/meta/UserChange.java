package io.cesiumdb.pd.meta;

/**
 * What CreateUser and DropUser return: the user's name and whether the command changed anything
 * ({@code false} when {@code if_not_exists}, {@code if_exists} or {@code only_if_no_users} found
 * nothing to do).
 */
public record UserChange(String name, boolean changed) {}
