package no.tettpa.backend.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Lets controllers take a {@link Caller} parameter, filled in by {@link AuthenticationFilter}. */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {
    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Optional<Caller> caller = source.getAttribute(AuthenticationFilter.CALLER_ATTRIBUTE, Caller.class);
        // A route reached without a caller is a programming error in isPublic; refuse rather than run anonymous.
        return caller.isPresent() ? () -> caller : BindingResult.UNSATISFIED;
    }
}
