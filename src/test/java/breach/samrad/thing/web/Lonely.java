package breach.samrad.thing.web;

/** Public, though nothing outside its package uses it. */
public class Lonely {
}
