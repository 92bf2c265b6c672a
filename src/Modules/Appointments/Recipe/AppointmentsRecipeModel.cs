namespace Saas.Modules.Appointments.Recipe;

internal sealed record AppointmentsStep(IReadOnlyList<LocationStep>? Locations, IReadOnlyList<ServiceStep>? Services);

internal sealed record LocationStep(
    string? Key,
    string? Name,
    string? Street,
    string? PostalCode,
    string? City,
    string? AccessibilityNote,
    int Counters = 1,
    int SlotMinutes = 15,
    int MinimumNoticeMinutes = 120,
    int HorizonDays = 60,
    IReadOnlyList<HoursStep>? OpeningHours = null,
    IReadOnlyList<ClosedDayStep>? ClosedDays = null);

/// <summary>One interval; <c>day</c> is an English weekday name as in the town's own opening hours.</summary>
internal sealed record HoursStep(string? Day, string? Opens, string? Closes);

internal sealed record ClosedDayStep(DateOnly? Date, string? Reason);

internal sealed record ServiceStep(
    string? Location, string? Name, string? Description, string? WhatToBring, int DurationMinutes, string? FeeNote);
