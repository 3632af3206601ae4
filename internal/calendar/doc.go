// Package calendar compares the posts with the publishing cadence the
// brand promises: posts per period, the gaps longer than the cadence
// allows, the date the next post is due, and an iCalendar file of the
// scheduled posts (RFC 5545). It belongs to the check stage for the gaps
// and to the render stage for the file.
package calendar
