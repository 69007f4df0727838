package dev.ticketing.payment.support;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

import dev.ticketing.events.EventEnvelope;
import dev.ticketing.events.ReservationRejected;
import dev.ticketing.payment.support.PaymentApi.Answer;

/**
 * Clients charging, paying and having payments rejected at random, and what they were told: the accepted
 * charges, the payments that succeeded, the payments rejected. Every answer that breaks the API's promises
 * (a 5xx, two payments of one reservation, a negative balance, two answers to one key) is a violation.
 * All rejections use one seat, so they are consumed in the order they were published.
 */
public final class MixedWorkload {

    public static final String REJECTION_SEAT_KEY = "9:1";

    private final PaymentApi api;
    private final BiFunction<UUID, Long, UUID> hold;
    private final ReservationEventsPublisher publisher;
    private final Clock clock;
    private final Map<UUID, AtomicLong> charged = new ConcurrentHashMap<>();
    private final Map<UUID, List<Paid>> paid = new ConcurrentHashMap<>();
    private final Set<UUID> rejected = ConcurrentHashMap.newKeySet();
    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** @param hold makes reservation-service report a new HELD reservation of (user, price); returns its id */
    public MixedWorkload(PaymentApi api, BiFunction<UUID, Long, UUID> hold, ReservationEventsPublisher publisher,
                         Clock clock) {
        this.api = api;
        this.hold = hold;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Plans {@code operations} from the seed (40% charges, 40% payments, 20% rejections) and runs them on 16 clients. */
    public void run(List<UUID> users, long seed, int operations) throws Exception {
        users.forEach(user -> {
            charged.put(user, new AtomicLong());
            paid.put(user, new CopyOnWriteArrayList<>());
        });
        Random random = new Random(seed);
        List<Callable<Void>> plan = new ArrayList<>();
        for (int i = 0; i < operations; i++) {
            UUID user = users.get(random.nextInt(users.size()));
            int dice = random.nextInt(100);
            long amount = 1 + random.nextInt(60_000);
            boolean twice = random.nextInt(4) == 0;
            Random own = new Random(random.nextLong());
            plan.add(dice < 40 ? () -> charge(user, amount, twice || own.nextBoolean())
                    : dice < 80 ? () -> pay(user, amount, twice)
                    : () -> reject(user, own, twice));
        }
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (Future<Void> done : clients.invokeAll(plan)) {
                done.get();
            }
        }
    }

    public long chargedBy(UUID user) {
        return charged.get(user).get();
    }

    public List<Paid> paidBy(UUID user) {
        return List.copyOf(paid.get(user));
    }

    public boolean wasRejected(UUID paymentId) {
        return rejected.contains(paymentId);
    }

    public int rejections() {
        return rejected.size();
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The ReservationRejected reservation-service would publish for this payment. */
    public ReservationRejected rejectionOf(UUID user, Paid payment) {
        return new ReservationRejected(payment.reservationId(), user, UUID.randomUUID(), 9, LocalDate.of(2026, 12, 24),
                1, payment.paymentId(), payment.amount(), ReservationRejected.Reason.HOLD_EXPIRED, clock.instant());
    }

    private Void charge(UUID user, long amount, boolean keyed) {
        String body = "{\"amount\": " + amount + "}";
        String key = keyed ? UUID.randomUUID().toString() : null;
        List<Answer> answers = keyed ? both(() -> api.charge(user, body, key), () -> api.charge(user, body, key))
                : List.of(api.charge(user, body, null));
        answers.forEach(answer -> expect(answer.status() == 200 && balance(answer) >= 0, answer));
        expect(answers.stream().map(Answer::body).distinct().count() == 1, answers);
        charged.get(user).addAndGet(amount);
        return null;
    }

    private Void pay(UUID user, long price, boolean twice) {
        UUID reservation = hold.apply(user, price);
        UUID token = UUID.randomUUID();
        List<Answer> answers = twice ? both(() -> api.pay(user, token, reservation, null),
                () -> api.pay(user, token, reservation, null)) : List.of(api.pay(user, token, reservation, null));
        List<Answer> succeeded = answers.stream().filter(answer -> answer.status() == 201).toList();
        expect(succeeded.size() <= 1, answers);
        answers.stream().filter(answer -> answer.status() != 201).forEach(answer -> expect(answer.status() == 409
                && Set.of("INSUFFICIENT_BALANCE", "ALREADY_PAID").contains(answer.code()), answer));
        succeeded.forEach(answer -> {
            expect(balance(answer) >= 0, answer);
            paid.get(user).add(new Paid(reservation, UUID.fromString(answer.json().get("paymentId").asString()), price));
        });
        return null;
    }

    private Void reject(UUID user, Random random, boolean twice) {
        List<Paid> payments = paid.get(user);
        if (payments.isEmpty()) {
            return charge(user, 1 + random.nextInt(60_000), false);
        }
        Paid payment = payments.get(random.nextInt(payments.size()));
        EventEnvelope<ReservationRejected> rejection = EventEnvelope.of(rejectionOf(user, payment), clock);
        rejected.add(payment.paymentId());
        publisher.publish(rejection);
        if (twice) {
            publisher.publish(rejection); // a redelivery, same eventId
        }
        return null;
    }

    private void expect(boolean promiseKept, Object answers) {
        if (!promiseKept) {
            violations.add(String.valueOf(answers));
        }
    }

    private static long balance(Answer answer) {
        return answer.json().get("balance").asLong();
    }

    private static List<Answer> both(Callable<Answer> first, Callable<Answer> second) {
        try (ExecutorService pair = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Answer> one = pair.submit(first);
            Future<Answer> other = pair.submit(second);
            return List.of(one.get(), other.get());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Paid(UUID reservationId, UUID paymentId, long amount) {
    }
}
