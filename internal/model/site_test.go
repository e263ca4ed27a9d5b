package model

import "testing"

func TestStatus(t *testing.T) {
	for _, tc := range []struct {
		s     Status
		valid bool
		label string
	}{
		{Confirmed, true, "Confirmed"},
		{Disputed, true, "Disputed"},
		{Unverified, true, "Unverified"},
		{False, true, "False"},
		{"", false, ""},
		{"likely", false, "likely"},
		{"Confirmed", false, "Confirmed"}, // statuses are written in lower case
	} {
		if got := tc.s.Valid(); got != tc.valid {
			t.Errorf("Status(%q).Valid() = %v, want %v", tc.s, got, tc.valid)
		}
		if got := tc.s.Label(); got != tc.label {
			t.Errorf("Status(%q).Label() = %q, want %q", tc.s, got, tc.label)
		}
	}
	for _, s := range Statuses() {
		if !s.Valid() {
			t.Errorf("Statuses() lists %q, which is not Valid", s)
		}
	}
}

func TestKind(t *testing.T) {
	for _, tc := range []struct {
		k     Kind
		valid bool
	}{
		{Person, true},
		{Organisation, true},
		{"organization", true},
		{State, true},
		{Group, true},
		{Media, true},
		{"", false},
		{"alien", false},
		{"Person", false},
	} {
		if got := tc.k.Valid(); got != tc.valid {
			t.Errorf("Kind(%q).Valid() = %v, want %v", tc.k, got, tc.valid)
		}
	}
}

func TestStance(t *testing.T) {
	for _, tc := range []struct {
		s     Stance
		valid bool
		label string
	}{
		{Supports, true, "What supports it"},
		{Contradicts, true, "What contradicts it"},
		{Context, true, "Context"},
		{"", false, ""},
		{"refutes", false, "refutes"},
		{"Supports", false, "Supports"}, // stances are written in lower case
	} {
		if got := tc.s.Valid(); got != tc.valid {
			t.Errorf("Stance(%q).Valid() = %v, want %v", tc.s, got, tc.valid)
		}
		if got := tc.s.Label(); got != tc.label {
			t.Errorf("Stance(%q).Label() = %q, want %q", tc.s, got, tc.label)
		}
	}
	for _, s := range Stances() {
		if !s.Valid() {
			t.Errorf("Stances() lists %q, which is not Valid", s)
		}
	}
}
