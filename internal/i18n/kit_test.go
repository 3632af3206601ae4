package i18n

import (
	"reflect"
	"testing"
)

// kitTexts returns every text of k: its string fields and the values of
// its tables of names.
func kitTexts(k *KitStrings) []string {
	var out []string
	v := reflect.ValueOf(k).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			if v.Type().Field(i).IsExported() {
				out = append(out, f.String())
			}
		case reflect.Map:
			iter := f.MapRange()
			for iter.Next() {
				out = append(out, iter.Value().String())
			}
		}
	}
	return out
}

func TestKitStringsComplete(t *testing.T) {
	fr, en := For("fr").Kit, For("en").Kit
	for _, k := range []*KitStrings{&fr, &en} {
		for i, s := range kitTexts(k) {
			if s == "" {
				t.Errorf("%s kit string %d is empty", k.decimal, i)
			}
		}
	}
	// Both languages name the same markets, fields, slots and units.
	for _, pair := range [][2]map[string]string{{fr.colors, en.colors}, {fr.files, en.files}, {fr.markets, en.markets}, {fr.fields, en.fields}, {fr.slots, en.slots}, {fr.units, en.units}} {
		for key := range pair[0] {
			if _, ok := pair[1][key]; !ok {
				t.Errorf("%q has a French name and no English one", key)
			}
		}
		if len(pair[0]) != len(pair[1]) {
			t.Errorf("%d French names, %d English ones", len(pair[0]), len(pair[1]))
		}
	}
}

func TestKitFormats(t *testing.T) {
	fr, en := For("fr").Kit, For("en").Kit
	tests := []struct{ got, want string }{
		{fr.Bytes(0), "0\u00a0octets"},
		{fr.Bytes(999), "999\u00a0octets"},
		{en.Bytes(999), "999\u00a0bytes"},
		{fr.Bytes(1000), "1\u00a0ko"},
		{fr.Bytes(30808), "30,8\u00a0ko"},
		{en.Bytes(30808), "30.8\u00a0kB"},
		{fr.Bytes(123456), "123\u00a0ko"},
		{fr.Bytes(1_200_000), "1,2\u00a0Mo"},
		{en.Bytes(1_249_999), "1.2\u00a0MB"},
		{fr.Bytes(8_000_000), "8\u00a0Mo"},
		{fr.Bytes(999_960), "1\u00a0Mo"}, // rounds up into the next unit
		{en.Bytes(3_500_000_000), "3.5\u00a0GB"},
		{fr.Number(2600), "2\u202f600"},
		{en.Number(2600), "2,600"},
		{fr.Number(999), "999"},
		{en.Number(1234567), "1,234,567"},
		{en.Number(-1234), "-1,234"},
		{fr.ContrastRatio(4.5), "4,5:1"},
		{fr.ContrastRatio(4.4999), "4,49:1"}, // never rounded up into a pass
		{en.ContrastRatio(12.634), "12.63:1"},
		{en.ContrastRatio(21), "21:1"},
		{en.ContrastRatio(3.10), "3.1:1"},
		{fr.Decimal(4.5, 1), "4,5"},
		{fr.MarketName("b2b"), "Entreprises (B2B)"},
		{en.MarketName("both"), "Businesses and consumers"},
		{en.MarketName("other"), ""},
		{fr.Field("headline"), "Titre"},
		{en.Field("unknown"), "unknown"},
		{fr.Slot("banner"), "Bannière"},
		{en.Unit("weighted"), "weighted characters"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
