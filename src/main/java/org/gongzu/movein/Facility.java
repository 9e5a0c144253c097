package org.gongzu.movein;

/** The facilities that must be in use when residents move in (clause 4). */
public enum Facility { RESIDENTS_COMMITTEE, POLICE_ROOM, SERVICE_STATION, ELDERLY_CARE }
