package dev.ticketing.events;

/** The envelope names an {@code eventType} this build does not know (e.g. a newer producer's event). */
public class UnknownEventType extends UnreadableEvent {

    private final String eventType;

    public UnknownEventType(String eventType) {
        super("unknown eventType '" + eventType + "': known are " + EventTypes.all().stream()
                .map(EventTypes::nameOf).sorted().toList());
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
