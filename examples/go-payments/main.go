// Command go-payments is the Go twin of examples/payments-api: a standard-library-only payment handler driven by a
// fixed amount of work on a few goroutines, written so that its CPU profile (runtime/pprof) looks like a real
// service's. handle parses a JSON payment with its basket of line items (encoding/json), prices the basket,
// validates the card number with a regexp and the Luhn checksum, scores it for fraud, records it in a ledger under
// a mutex, renders the response (a receipt line per item) with a text/template and a timestamp, and signs it with
// HMAC-SHA256.
//
//	go-payments -variant base -requests 60000 -workers 2 -cpuprofile cpu.pb.gz
//
// Variants (one realistic regression each, in the place a real change would put it):
//
//	base                the card regexp and the response template are built once
//	regex-per-call      validateCard calls regexp.MustCompile on every request
//	formatter-per-call  renderResponse parses its text/template on every request
package main

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"regexp"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"time"
)

// fraudRounds is how many times fraudScore mixes the request into its hash.
const fraudRounds = 200

// Each request's basket has between basketMin and basketMax line items.
const basketMin, basketMax = 4, 20

const cardRegex = `^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|3[47][0-9]{13})$`

const responseTemplate = `{"id":{{printf "%q" .ID}},"status":"{{if .Approved}}approved{{else}}declined{{end}}",` +
	`"lines":[{{range $i, $l := .Lines}}{{if $i}},{{end}}{"sku":"{{$l.SKU}}","qty":{{$l.Qty}},"total":"{{$l.Total}}"}{{end}}],` +
	`"total":"{{.Total}} {{.Currency}}"{{if .Approved}},"balance":"{{.Balance}} {{.Currency}}"{{end}},"at":"{{.At}}"}`

var (
	cardPattern      = regexp.MustCompile(cardRegex)
	responseFormat   = template.Must(template.New("response").Parse(responseTemplate))
	signingKey       = []byte("demo-signing-key")
	variant          = "base"
	fixedRequestTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
)

// paymentRequest is the JSON body of one payment.
type paymentRequest struct {
	ID       string `json:"id"`
	Account  string `json:"account"`
	Card     string `json:"card"`
	Currency string `json:"currency"`
	Items    []item `json:"items"`
}

// item is one line of a payment's basket: quantity times unit price in cents.
type item struct {
	SKU   string `json:"sku"`
	Qty   int64  `json:"qty"`
	Price int64  `json:"price"`
}

// receiptLine is one rendered line of the response.
type receiptLine struct {
	SKU, Total string
	Qty        int64
}

// responseView is what the response template renders.
type responseView struct {
	ID, Total, Balance, Currency, At string
	Lines                            []receiptLine
	Approved                         bool
}

// ledger holds the balance of every account; record is its only critical section.
type ledger struct {
	mu       sync.Mutex
	balances map[string]int64
	entries  int
}

func (l *ledger) record(account string, cents int64) int64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.balances[account] += cents
	l.entries++
	return l.balances[account]
}

// handler handles payment requests; one per goroutine (the ledger is shared).
type handler struct {
	ledger *ledger
	mac    hashWriter
	out    bytes.Buffer
}

type hashWriter interface {
	Write([]byte) (int, error)
	Sum([]byte) []byte
	Reset()
}

func newHandler(l *ledger) *handler {
	return &handler{ledger: l, mac: hmac.New(sha256.New, signingKey)}
}

// handle returns the signed JSON response to one JSON payment body.
func (h *handler) handle(body []byte, at time.Time) (string, string) {
	request, err := parseRequest(body)
	if err != nil {
		return `{"status":"bad request"}`, ""
	}
	amount := priceBasket(request)
	approved := validateCard(request.Card) && fraudScore(request, amount) < 90
	var balance int64
	if approved {
		balance = h.ledger.record(request.Account, amount)
	}
	response := h.renderResponse(request, amount, approved, balance, at)
	return response, h.sign(response)
}

func parseRequest(body []byte) (paymentRequest, error) {
	var request paymentRequest
	err := json.Unmarshal(body, &request)
	return request, err
}

// validateCard checks the issuer prefix and length (the regexp), then the Luhn checksum.
func validateCard(card string) bool {
	digits := stripSeparators(card)
	pattern := cardPattern
	if variant == "regex-per-call" {
		pattern = regexp.MustCompile(cardRegex)
	}
	return pattern.MatchString(digits) && luhn(digits)
}

func stripSeparators(card string) string {
	var digits strings.Builder
	digits.Grow(len(card))
	for i := 0; i < len(card); i++ {
		if c := card[i]; c != ' ' && c != '-' {
			digits.WriteByte(c)
		}
	}
	return digits.String()
}

func luhn(digits string) bool {
	sum, doubled := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if doubled {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
		doubled = !doubled
	}
	return sum%10 == 0
}

// priceBasket returns the basket's total in cents with VAT at the currency's rate, rounded half up per line.
func priceBasket(request paymentRequest) int64 {
	rate := int64(20)
	switch request.Currency {
	case "USD":
		rate = 0
	case "CHF":
		rate = 8
	}
	var total int64
	for _, it := range request.Items {
		net := it.Qty * it.Price
		total += net + (net*rate+50)/100
	}
	return total
}

// fraudScore is a stable, purely arithmetic risk score (0-99) from the amount, account and card.
func fraudScore(request paymentRequest, amount int64) int {
	h := uint64(14695981039346656037)
	for round := 0; round < fraudRounds; round++ {
		for i := 0; i < len(request.Account); i++ {
			h = (h ^ uint64(request.Account[i])) * 1099511628211
		}
		for i := 0; i < len(request.Card); i++ {
			h = (h ^ uint64(request.Card[i])) * 1099511628211
		}
		h ^= uint64(amount) + uint64(round)
	}
	return int(h % 100)
}

// renderResponse renders the response body with the response template and an RFC 3339 timestamp.
func (h *handler) renderResponse(request paymentRequest, amount int64, approved bool, balanceCents int64, at time.Time) string {
	format := responseFormat
	if variant == "formatter-per-call" {
		format = template.Must(template.New("response").Parse(responseTemplate))
	}
	lines := make([]receiptLine, len(request.Items))
	for i, it := range request.Items {
		lines[i] = receiptLine{SKU: it.SKU, Qty: it.Qty, Total: formatMoney(it.Qty * it.Price)}
	}
	view := responseView{ID: request.ID, Approved: approved, Currency: request.Currency, Lines: lines,
		Total: formatMoney(amount), Balance: formatMoney(balanceCents), At: at.Format(time.RFC3339Nano)}
	h.out.Reset()
	if err := format.Execute(&h.out, view); err != nil {
		panic(err)
	}
	return h.out.String()
}

func formatMoney(cents int64) string {
	fraction := cents % 100
	money := strconv.FormatInt(cents/100, 10) + "."
	if fraction < 10 {
		money += "0"
	}
	return money + strconv.FormatInt(fraction, 10)
}

// sign returns the lower-case hex HMAC-SHA256 of body.
func (h *handler) sign(body string) string {
	h.mac.Reset()
	h.mac.Write([]byte(body))
	return hex.EncodeToString(h.mac.Sum(nil))
}

// requests makes count deterministic JSON payment bodies: mostly valid cards of three issuers, some bad checksums.
func requests(random *rand.Rand, count int) [][]byte {
	prefixes := []string{"4", "4", "51", "55", "34", "37"}
	lengths := []int{16, 13, 16, 16, 15, 15}
	currencies := []string{"EUR", "USD", "GBP", "CHF"}
	out := make([][]byte, 0, count)
	for i := 0; i < count; i++ {
		issuer := random.Intn(len(prefixes))
		digits := []byte(prefixes[issuer])
		for len(digits) < lengths[issuer]-1 {
			digits = append(digits, byte('0'+random.Intn(10)))
		}
		check := 0
		for !luhn(string(digits) + strconv.Itoa(check)) {
			check++
		}
		if random.Intn(10) == 0 {
			check = (check + 1) % 10
		}
		card := string(append(digits, byte('0'+check)))
		if random.Intn(2) == 0 {
			card = group(card)
		}
		var items strings.Builder
		for n := basketMin + random.Intn(basketMax-basketMin+1); n > 0; n-- {
			if items.Len() > 0 {
				items.WriteByte(',')
			}
			fmt.Fprintf(&items, `{"sku":"SKU-%05d","qty":%d,"price":%d}`, random.Intn(100000), 1+random.Intn(5), 99+random.Intn(20000))
		}
		out = append(out, []byte(fmt.Sprintf(`{"id":"pay-%d","account":"acct-%d","card":"%s","currency":"%s","items":[%s]}`,
			100000+i, random.Intn(64), card, currencies[random.Intn(len(currencies))], items.String())))
	}
	return out
}

func group(digits string) string {
	var out strings.Builder
	for i := 0; i < len(digits); i++ {
		if i > 0 && i%4 == 0 {
			out.WriteByte(' ')
		}
		out.WriteByte(digits[i])
	}
	return out.String()
}

// run handles count requests (or until the deadline) and returns a checksum so the work cannot be optimised away.
func run(h *handler, bodies [][]byte, offset, count int, deadline time.Time) int {
	checksum := 0
	for done, i := 0, offset*997; done < count && time.Now().Before(deadline); done += 64 {
		for batch := 0; batch < 64; batch++ {
			response, signature := h.handle(bodies[i&(len(bodies)-1)], fixedRequestTime.Add(time.Duration(i)*time.Millisecond))
			i++
			checksum += len(response) + int(signature[0])
		}
	}
	return checksum
}

func main() {
	profile := flag.String("cpuprofile", "", "write a CPU profile (gzipped pprof) to this file")
	flag.StringVar(&variant, "variant", "base", "base, regex-per-call or formatter-per-call")
	workers := flag.Int("workers", 2, "goroutines handling requests")
	count := flag.Int("requests", 60000, "requests per goroutine")
	limit := flag.Duration("limit", 10*time.Minute, "stop early after this long")
	flag.Parse()
	switch variant {
	case "base", "regex-per-call", "formatter-per-call":
	default:
		fmt.Fprintf(os.Stderr, "go-payments: unknown -variant %q (base, regex-per-call, formatter-per-call)\n", variant)
		os.Exit(2)
	}
	bodies := requests(rand.New(rand.NewSource(42)), 4096)
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "go-payments:", err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "go-payments:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	l := &ledger{balances: map[string]int64{}}
	deadline := time.Now().Add(*limit)
	checksums := make([]int, *workers)
	var wg sync.WaitGroup
	for w := 0; w < *workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			checksums[w] = run(newHandler(l), bodies, w, *count, deadline)
		}(w)
	}
	wg.Wait()
	checksum := 0
	for _, c := range checksums {
		checksum += c
	}
	fmt.Printf("variant=%s workers=%d approved=%d checksum=%d\n", variant, *workers, l.entries, checksum)
}
